import type { Server } from 'node:http';

/** Builds playground/ into dist/playground/. */
export function buildPlayground(): Promise<void>;
/** Serves dist/playground/ on 127.0.0.1 (port 0: any free port) with cross-origin isolation headers. */
export function servePlayground(port: number): Promise<Server>;
