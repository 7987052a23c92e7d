/**
 * Whether the island has taken over the server's markup. Until then every part renders exactly what the server
 * did (it cannot know the reader's browser or saved progress); parts mounted afterwards render for this reader at
 * once, without a first server-shaped frame.
 */
export const hydration = { done: false };
