/* Ribbon commands. The Home-tab button opens the task pane (ShowTaskpane needs no code); this
   file only has to tell Office it is ready. */
Office.onReady(() => undefined);
