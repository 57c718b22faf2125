// email-providers ships a JSON list and no types: the domains of free and ISP mail services.
declare module 'email-providers' {
  const domains: string[];
  export default domains;
}
