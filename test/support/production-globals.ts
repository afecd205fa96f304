/**
 * The production server (@hono/node-server's serve) replaces the global Request and Response
 * with its own lighter classes the first time it starts. Tests that only call app.request()
 * would otherwise run on Node's classes, and a file that happens to start a server would switch
 * the rest of its worker over: this makes every test file run on the production classes. (A
 * header set after a response was re-created was lost only with the lighter classes: the JSON
 * API's security headers went missing in production while the in-process tests passed.)
 */
import { getRequestListener } from '@hono/node-server';

getRequestListener(() => new Response(null));
