import type { LocalizedText, Topic } from '@advocacy-kit/core';

/** The text for a language, falling back to its base language, then English, then any. */
export function localized(text: LocalizedText, lang: string): string {
  const base = lang.toLowerCase().split('-')[0] ?? 'en';
  return text[lang] ?? text[base] ?? text.en ?? Object.values(text)[0] ?? '';
}

/** The name of topic `id` in a language; the id itself while the topics load or when it is not one of them. */
export function topicName(topics: readonly Topic[] | undefined, id: string, lang: string): string {
  const topic = topics?.find((candidate) => candidate.id === id);
  return topic ? localized(topic.names, lang) : id;
}
