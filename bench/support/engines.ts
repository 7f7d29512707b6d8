// The engines live in @cruddur/adapters-aws/engines; this re-export keeps `./support/engines.js` imports working.
export { startDynalite } from '@cruddur/adapters-aws/engines';
