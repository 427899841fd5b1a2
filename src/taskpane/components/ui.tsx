/**
 * Small primitives built on Fluent tokens where a Fluent component would cost more bundle than
 * it gives here (the pane must stay under 180 KB gzip): a collapsible section on native
 * <details>/<summary> (keyboard and screen-reader friendly by default), a tag, text styles.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

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
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
  link: {
    padding: 0,
    border: "none",
    background: "none",
    cursor: "pointer",
    color: tokens.colorBrandForegroundLink,
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase200,
    textAlign: "start",
    textDecorationLine: "underline",
    ":hover": { color: tokens.colorBrandForegroundLinkHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

const useSectionStyles = makeStyles({
  root: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  summary: {
    cursor: "pointer",
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  body: { paddingBottom: tokens.spacingVerticalM },
});

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
  return (
    <details className={styles.root} open={defaultOpen}>
      <summary className={styles.summary}>{title}</summary>
      <div className={styles.body}>{children}</div>
    </details>
  );
}

const useTagStyles = makeStyles({
  root: {
    display: "inline-block",
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
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
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

/** A labelled native `<select>` (Fluent's Field + Select cost more bundle than they give here). */
export function SelectField({
  label,
  hint,
  value,
  onChange,
  children,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const styles = useFieldStyles();
  return (
    <label className={styles.field}>
      {label}
      <select className={styles.control} value={value} onChange={(e) => onChange(e.target.value)}>
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
