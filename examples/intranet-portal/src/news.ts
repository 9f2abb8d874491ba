import type { NewsItem } from './i18n.js';

/** The intranet's own news column (the company's announcements, not shareable content). */
export function renderNews(list: HTMLElement, items: NewsItem[], language: string): void {
  const format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
  list.replaceChildren(
    ...items.map((item) => {
      const entry = document.createElement('li');
      const title = document.createElement('h3');
      title.textContent = item.title;
      const time = document.createElement('time');
      time.dateTime = item.date;
      time.textContent = format.format(new Date(`${item.date}T00:00:00Z`));
      const body = document.createElement('p');
      body.textContent = item.body;
      entry.append(title, time, body);
      return entry;
    }),
  );
}
