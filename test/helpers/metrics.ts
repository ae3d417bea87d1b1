/** The `/metrics` text of a server at `url` (`Authorization` when it needs a token). */
export async function scrape(url: string, headers: Record<string, string> = {}): Promise<string> {
  return (await fetch(`${url}/metrics`, { headers })).text();
}

/** The value of one series (`name{labels}` exactly as exported) in a scrape; undefined when absent. */
export function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find(l => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** One series of a server's metrics now; undefined when absent. */
export async function metric(url: string, series: string): Promise<number | undefined> {
  return sample(await scrape(url), series);
}
