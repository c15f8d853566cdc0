import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useRef, type KeyboardEvent } from "react";

const useStyles = makeStyles({
  list: { display: "flex", flexWrap: "wrap", columnGap: "2px", rowGap: "2px" },
  tab: {
    minWidth: 0,
    borderBottomWidth: "3px",
    borderBottomStyle: "solid",
    borderBottomColor: "transparent",
    borderRadius: 0,
    fontWeight: tokens.fontWeightRegular,
  },
  selected: {
    borderBottomColor: tokens.colorCompoundBrandStroke,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export interface ViewTab<V extends string> {
  value: V;
  label: string;
  disabled?: boolean;
}

/**
 * The pane's views as a WAI-ARIA tab list (roving tabindex, arrow keys, Home/End). Hand-rolled
 * because Fluent's TabList has Tabster put focusable, aria-hidden "dummy" elements inside the
 * tablist, which axe-core reports as serious (aria-hidden-focus).
 */
export function ViewTabs<V extends string>({
  tabs,
  selected,
  onSelect,
  label,
}: {
  tabs: readonly ViewTab<V>[];
  selected: V;
  onSelect: (v: V) => void;
  label: string;
}) {
  const styles = useStyles();
  const refs = useRef(new Map<V, HTMLButtonElement>());
  const enabled = tabs.filter((t) => !t.disabled);
  const move = (e: KeyboardEvent, from: V) => {
    const at = enabled.findIndex((t) => t.value === from);
    const next =
      e.key === "ArrowRight"
        ? enabled[(at + 1) % enabled.length]
        : e.key === "ArrowLeft"
          ? enabled[(at - 1 + enabled.length) % enabled.length]
          : e.key === "Home"
            ? enabled[0]
            : e.key === "End"
              ? enabled[enabled.length - 1]
              : undefined;
    if (!next) return;
    e.preventDefault();
    onSelect(next.value);
    refs.current.get(next.value)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={styles.list}>
      {tabs.map((t) => (
        <Button
          key={t.value}
          ref={(el: HTMLButtonElement | null) => {
            if (el) refs.current.set(t.value, el);
            else refs.current.delete(t.value);
          }}
          role="tab"
          size="small"
          appearance="transparent"
          aria-selected={t.value === selected}
          tabIndex={t.value === selected ? 0 : -1}
          disabled={t.disabled}
          className={mergeClasses(styles.tab, t.value === selected && styles.selected)}
          onClick={() => onSelect(t.value)}
          onKeyDown={(e) => move(e, t.value)}
        >
          {t.label}
        </Button>
      ))}
    </div>
  );
}
