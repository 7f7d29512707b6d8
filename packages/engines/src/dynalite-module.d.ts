// dynalite ships no types; this is the slice of its API the engines use. `dynalite.ts` names
// this file in a triple-slash reference, so every program that compiles it (the package's own,
// http-fastify's, the bench's) sees the declaration without a copy of its own.
declare module 'dynalite' {
  import type { Server } from 'node:http';

  interface DynaliteOptions {
    /** Milliseconds a CreateTable stays CREATING; 0 makes tables usable at once. */
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    path?: string;
  }

  export default function dynalite(options?: DynaliteOptions): Server;
}
