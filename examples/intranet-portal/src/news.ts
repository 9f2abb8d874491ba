import type { NewsItem } from './i18n.js';

/** The intranet's own news column (the company's announcements, not shareable content). */
export function renderNews(list: HTMLElement, items: NewsItem[], language: string): void {
  list.replaceChildren(
    ...items.map((item) => {
      const entry = document.createElement('li');
      const title = document.createElement('h3');
      title.textContent = item.title;
      const time = document.createElement('time');
      time.dateTime = item.date;
      time.textContent = formatNewsDate(item.date, language);
      const body = document.createElement('p');
      body.textContent = item.body;
      entry.append(title, time, body);
      return entry;
    }),
  );
}

/** One formatter per language: building an `Intl.DateTimeFormat` costs far more than using one. */
const formats = new Map<string, Intl.DateTimeFormat>();

export function formatNewsDate(date: string, language: string): string {
  let format = formats.get(language);
  if (!format) formats.set(language, (format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' })));
  return format.format(new Date(`${date}T00:00:00Z`));
}
