/**
 * Drop-downs render their list inline (inside <main>, so it sits in a landmark and never in a
 * portal that copies the provider's classes), lifted above the sticky summary bar.
 */
export const INLINE_LISTBOX = { style: { zIndex: 10 } } as const;
