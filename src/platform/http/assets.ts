/**
 * Static assets (one stylesheet, one enhancement script), read once at start-up and served
 * under a content-hashed URL so browsers can cache them for a year.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';

const ASSET_DIR = new URL('../views/assets/', import.meta.url);

interface Asset {
  body: string;
  type: string;
  url: string;
}

function load(name: string, type: string): Asset {
  const body = readFileSync(new URL(name, ASSET_DIR), 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const [base, ext] = name.split('.');
  return { body, type, url: `/assets/${base}.${hash}.${ext}` };
}

export function loadAssets() {
  const css = load('site.css', 'text/css; charset=utf-8');
  const js = load('site.js', 'text/javascript; charset=utf-8');
  const routes = new Hono();
  for (const asset of [css, js]) {
    routes.get(asset.url, (c) => {
      c.header('Content-Type', asset.type);
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      return c.body(asset.body);
    });
  }
  return { urls: { css: css.url, js: js.url }, routes };
}
