import { createRoot } from "react-dom/client";
import { FluentProvider, Title3, Body1, webLightTheme } from "@fluentui/react-components";

function App() {
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 16 }}>
      <Title3 as="h1">Council Sheets</Title3>
      <Body1 as="p">Checks council workbooks as they are laid out.</Body1>
    </FluentProvider>
  );
}

const root = document.getElementById("root");
if (root) createRoot(root).render(<App />);
