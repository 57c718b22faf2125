import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApp } from './electron/app';

startApp(path.dirname(fileURLToPath(import.meta.url)));
