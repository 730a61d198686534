// /zoeken as the search tests ask it: the page for a query (200), and its result links in order.
import type { Express } from 'express';
import request from 'supertest';

export async function searchPage(app: Express, q: string, extra = ''): Promise<string> {
  return (
    await request(app)
      .get(`/zoeken?q=${encodeURIComponent(q)}${extra}`)
      .expect(200)
  ).text;
}

export function resultLinks(html: string): string[] {
  return [...html.matchAll(/<li class="search-result">[\s\S]*?<h2><a href="([^"]+)">/g)].map((m) => m[1]);
}
