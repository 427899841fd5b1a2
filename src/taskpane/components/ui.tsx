/* global HTMLSelectElement */
/**
 * Small primitives built on Fluent tokens where a Fluent component would cost more bundle than
 * it gives here (the pane must stay under 180 KB gzip): a collapsible section (a heading holding
 * a disclosure button, so heading navigation finds every section), a tag, text styles, and a
 * span marking Chinese content for screen readers when the pane's chrome is in English.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ChevronRightRegular } from "@fluentui/react-icons";
import { type ReactNode, type Ref, useId, useState } from "react";
import { usePaneContext } from "../state/PaneContext";

export const useTextStyles = makeStyles({
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  body: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  strong: { fontWeight: tokens.fontWeightSemibold },
  caption: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground3,
  },
  /** A text button: 24 px tall at least (WCAG 2.2 target size), underlined like a link. */
  link: {
    minHeight: "24px",
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalXXS})`,
    border: "none",
    background: "none",
    cursor: "pointer",
    color: tokens.colorBrandForegroundLink,
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textAlign: "start",
    textDecorationLine: "underline",
    ":hover": { color: tokens.colorBrandForegroundLinkHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

const useSectionStyles = makeStyles({
  root: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  heading: { margin: 0 },
  toggle: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    width: "100%",
    minHeight: "32px",
    padding: `${tokens.spacingVerticalS} 0`,
    border: "none",
    background: "none",
    color: "inherit",
    cursor: "pointer",
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    textAlign: "start",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  open: { transform: "rotate(90deg)" },
  body: { paddingBottom: tokens.spacingVerticalM },
});

/** A titled section that opens and closes: `<h2><button aria-expanded>` over its content. */
export function Section({
  title,
  defaultOpen,
  children,
}: {
  title: string;
  defaultOpen?: boolean;
  children: ReactNode;
}) {
  const styles = useSectionStyles();
  const [open, setOpen] = useState(defaultOpen === true);
  const id = useId();
  return (
    <section className={styles.root} aria-labelledby={`${id}-title`}>
      <h2 className={styles.heading}>
        <button
          type="button"
          id={`${id}-title`}
          className={styles.toggle}
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => setOpen(!open)}
        >
          <ChevronRightRegular aria-hidden="true" className={open ? styles.open : undefined} />
          {title}
        </button>
      </h2>
      <div id={`${id}-body`} className={styles.body} hidden={!open}>
        {children}
      </div>
    </section>
  );
}

/** Chinese content (department, sheet names, gap texts) read with a Chinese voice in any UI. */
export function Zh({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <span lang="zh-CN" className={className}>
      {children}
    </span>
  );
}

/** Chinese runs (and their quotes) in a sentence of either language. */
const CHINESE_RUN = /([\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”]+)/;

/**
 * A sentence that mixes the pane's language with Chinese (a sheet name, a grade, an engine
 * message): each Chinese run marked `lang="zh-CN"`, the rest left in the pane's language.
 */
export function Mixed({ text }: { text: string }) {
  // In the Chinese UI everything is Chinese already (the pane is lang="zh-CN").
  if (usePaneContext().locale === "zh-CN") return <>{text}</>;
  return (
    <>{text.split(CHINESE_RUN).map((part, i) => (i % 2 === 1 ? <Zh key={i}>{part}</Zh> : part))}</>
  );
}

const useHiddenStyles = makeStyles({
  root: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

/** Present for screen readers only. */
export function ScreenReaderOnly({
  children,
  ...rest
}: {
  children: ReactNode;
  role?: string;
  "aria-live"?: "polite";
  "aria-atomic"?: boolean;
  "data-testid"?: string;
}) {
  const styles = useHiddenStyles();
  return (
    <span className={styles.root} {...rest}>
      {children}
    </span>
  );
}

const useTagStyles = makeStyles({
  root: {
    display: "inline-block",
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    border: `${tokens.strokeWidthThin} solid currentColor`,
  },
  danger: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
  success: { color: tokens.colorPaletteGreenForeground1 },
  brand: { color: tokens.colorBrandForeground1 },
  large: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    padding: `0 ${tokens.spacingHorizontalS}`,
  },
});

export type TagTone = "danger" | "warning" | "info" | "success" | "brand";

export function Tag({
  tone,
  large,
  children,
  ...rest
}: {
  tone: TagTone;
  large?: boolean;
  children: ReactNode;
  title?: string;
  "data-testid"?: string;
}) {
  const styles = useTagStyles();
  return (
    <span className={mergeClasses(styles.root, styles[tone], large && styles.large)} {...rest}>
      {children}
    </span>
  );
}

const useFieldStyles = makeStyles({
  field: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    minWidth: 0,
    fontSize: tokens.fontSizeBase300,
  },
  control: {
    minHeight: "32px",
    maxWidth: "100%",
    minWidth: 0,
    padding: `0 ${tokens.spacingHorizontalS}`,
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  hint: { fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground3 },
});

/** A labelled native `<select>` (Fluent's Field + Select cost more bundle than they give here). */
export function SelectField({
  label,
  hint,
  value,
  onChange,
  selectRef,
  children,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  selectRef?: Ref<HTMLSelectElement>;
  children: ReactNode;
}) {
  const styles = useFieldStyles();
  return (
    <label className={styles.field}>
      {label}
      <select
        ref={selectRef}
        className={styles.control}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {children}
      </select>
      {hint && <span className={styles.hint}>{hint}</span>}
    </label>
  );
}

/** A labelled native text `<input>`. */
export function TextField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const styles = useFieldStyles();
  return (
    <label className={styles.field}>
      {label}
      <input className={styles.control} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

const useBusyStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  /** A 16 px ring, its brand-coloured quarter turning; still where motion is reduced. */
  ring: {
    flexShrink: 0,
    width: "16px",
    height: "16px",
    boxSizing: "border-box",
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke2}`,
    borderTopColor: tokens.colorBrandStroke1,
    animationName: { to: { transform: "rotate(360deg)" } },
    animationDuration: "1s",
    animationTimingFunction: "linear",
    animationIterationCount: "infinite",
    "@media (prefers-reduced-motion: reduce)": { animationName: "none" },
  },
});

/**
 * What the pane is doing now: a turning ring and its label, an indeterminate progress bar to
 * assistive technology, as Fluent's Spinner is (which cost 2.5 KB gzip for this one use).
 */
export function BusyIndicator({ label }: { label: string }) {
  const styles = useBusyStyles();
  const labelId = useId();
  return (
    <div className={styles.root} role="progressbar" aria-labelledby={labelId}>
      <span className={styles.ring} aria-hidden="true" />
      <span id={labelId}>{label}</span>
    </div>
  );
}
