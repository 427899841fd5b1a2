import { Body1, Caption1, Image, Title3, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
  },
  header: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titles: {
    display: "flex",
    flexDirection: "column",
  },
  heading: {
    margin: 0,
  },
  subtitle: {
    color: tokens.colorNeutralForeground3,
  },
  paragraph: {
    margin: 0,
  },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    whiteSpace: "nowrap",
  },
});

/** Placeholder task pane. It must never touch the `Excel` global: Excel I/O lives outside components. */
export function App() {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Image src="assets/logo-filled.png" alt="" width={40} height={40} />
        <div className={styles.titles}>
          <Title3 as="h1" className={styles.heading}>
            绩效自评助手
          </Title3>
          <Caption1 lang="en" className={styles.subtitle}>
            Performance self-evaluation
          </Caption1>
        </div>
      </header>
      <Body1 as="p" className={styles.paragraph}>
        任务窗格正在建设中。目前可在项目目录运行 <code className={styles.code}>npm start</code>
        ，用示例数据完成一次评分。
      </Body1>
    </main>
  );
}
