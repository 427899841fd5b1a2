/**
 * Office's dark theme for the pane, in a chunk of its own: only a dark Office downloads it, so
 * the first download of every other pane is smaller by a whole Fluent theme.
 */
export { webDarkTheme as darkTheme } from "@fluentui/react-components";
