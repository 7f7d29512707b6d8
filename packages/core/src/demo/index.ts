export type { DemoConversation, DemoLine, DemoPerson } from './demo-data.js';
export { DEMO_CONVERSATIONS, DEMO_PEOPLE } from './demo-script.js';
export { type DemoDeps, loadDemoData } from './load-demo-data.js';
