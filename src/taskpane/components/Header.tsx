import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { usePaneContext } from "../state/PaneContext";
import { useTextStyles } from "./ui";

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titles: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0 },
});

/** Title and the language switch (中文 / English). */
export function Header() {
  const styles = useStyles();
  const text = useTextStyles();
  const { t, locale, setLocale } = usePaneContext();
  return (
    <header className={styles.root}>
      <img src="assets/icon-32.png" alt="" width={28} height={28} />
      <div className={styles.titles}>
        <h1 className={text.title}>{t.appTitle}</h1>
        <span className={text.caption}>{t.appSubtitle}</span>
      </div>
      <Button
        appearance="subtle"
        title={t.switchLanguageLabel}
        lang={t.switchLanguageLang}
        onClick={() => setLocale(locale === "zh-CN" ? "en-US" : "zh-CN")}
      >
        {t.switchLanguage}
      </Button>
    </header>
  );
}
