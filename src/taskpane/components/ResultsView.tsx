import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { serialToUkDate, type Analysis, type Finding, type SheetSnapshot } from "../../core";
import type { Host } from "../hosts/host";
import { plural } from "../counts";
import { AsAtDate } from "./AsAtDate";
import { CellContext } from "./CellContext";
import { ExportFindings } from "./ExportFindings";
import { FindingsList, findingKey } from "./FindingsList";
import { TablesList } from "./TablesList";

const useStyles = makeStyles({
  section: { display: "grid", rowGap: tokens.spacingVerticalS, minWidth: 0 },
});

export interface ResultsViewProps {
  host: Host;
  analysis: Analysis | null;
  /** Keys the findings list, so that each file opened starts its filters and groups afresh. */
  openings: number;
  asOf: number;
  onAsOf: (serial: number) => void;
  /** The finding chosen, and its sheet (standalone shows the cells around it). */
  chosen: Finding | null;
  chosenSheet: SheetSnapshot | undefined;
  onChoose: (finding: Finding) => void;
  onCloseChosen: () => void;
}

/**
 * The "Check results" view: the "as at" date, the findings (with the cells around the one chosen,
 * standalone, and an export of those shown), then the tables found, one click away.
 */
export function ResultsView(props: ResultsViewProps) {
  const { host, analysis, chosen, chosenSheet } = props;
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label="Check results">
      <AsAtDate asOf={props.asOf} onChange={props.onAsOf} />
      {analysis && (
        <>
          <FindingsList
            key={props.openings}
            findings={analysis.findings}
            onSelect={props.onChoose}
            chosen={chosen ? findingKey(chosen) : null}
            detail={
              chosen &&
              host.kind === "file" &&
              chosenSheet && (
                <CellContext
                  sheet={chosenSheet}
                  finding={chosen}
                  registers={analysis.riskContexts}
                  onClose={props.onCloseChosen}
                />
              )
            }
            actions={(shown, filter) => (
              <ExportFindings
                findings={shown}
                name={host.fileName()}
                context={{
                  file: host.fileName() ?? "this workbook",
                  asAt: serialToUkDate(props.asOf),
                  filter,
                }}
              />
            )}
          />
          {/* Findings come first; the tables found are one click away. */}
          <Accordion collapsible>
            <AccordionItem value="tables">
              <AccordionHeader as="h2" size="small">
                {plural(analysis.tables.length, "table")} found
              </AccordionHeader>
              <AccordionPanel>
                <TablesList tables={analysis.tables} findings={analysis.findings} />
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
        </>
      )}
    </section>
  );
}
