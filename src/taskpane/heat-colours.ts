// The colours are decided in the core, so the pane, the written sheet and the printed heat map agree.
export {
  bandStyles,
  contrastRatio,
  HEAT_FILLS,
  luminance,
  shortLabel,
  textOn,
  type BandStyle,
} from "../core";
