// The research file writers: every format is written from one LabelledDataset (see dataset.ts).
export * from './dataset'
export { writeCsv } from './csv'
export { writeSav, SAV_MAX_STRING_BYTES } from './sav'
export { isValidVariableName, variableName, variableNames } from '../../../domain/research/variable-names'
export { writeDta, STATA_MISSING_LETTERS, DTA_MAX_STRING_BYTES } from './dta'
export { rScript } from './r-script'
export { type Codebook, type CodebookEntry, CODEBOOK_COLUMNS, codebookCsv, codebookHtml, valueCodesText } from './codebook'
export { REDCAP_COLUMNS, redcapDictionary } from './redcap'
