/** Intents CSV export/import on /admin/ai: the form and the import report. */
import type { FeatureMessages } from './types';

export const intentsCsv: FeatureMessages = {
  en: {
    'intents_csv.title': 'Import and export (CSV)',
    'intents_csv.hint': 'Columns intent, example and optionally name_en, name_es, name_pt. An import adds new examples, skips repeated ones and creates missing intents; it deletes nothing unless you tick "Replace".',
    'intents_csv.export': 'Download intents (CSV)', 'intents_csv.file': 'CSV file', 'intents_csv.import': 'Import',
    'intents_csv.replace': 'Replace: remove the examples of the intents in the file that the file does not contain',
    'intents_csv.dry_run': 'Preview only (change nothing)',
    'intents_csv.no_file': 'Choose a CSV file.', 'intents_csv.too_big': 'The file is larger than 5 MB.',
    'intents_csv.report_applied': 'Imported {rows} rows; the classifier was retrained.', 'intents_csv.report_preview': 'Preview of {rows} rows: nothing was changed.',
    'intents_csv.report_failed': '{n} invalid line(s): nothing was imported. Fix them and upload the file again.',
    'intents_csv.added': 'Examples added', 'intents_csv.duplicates': 'Duplicates skipped', 'intents_csv.removed': 'Examples removed',
    'intents_csv.created': 'Intents created', 'intents_csv.renamed': 'Intents renamed', 'intents_csv.line': 'Line', 'intents_csv.reason': 'Problem',
    'intents_csv.more_errors': '… and {n} more invalid lines.',
  },
  es: {
    'intents_csv.title': 'Importar y exportar (CSV)',
    'intents_csv.hint': 'Columnas intent, example y, si quieres, name_en, name_es, name_pt. Importar añade los ejemplos nuevos, omite los repetidos y crea las intenciones que falten; no borra nada salvo que marques «Reemplazar».',
    'intents_csv.export': 'Descargar intenciones (CSV)', 'intents_csv.file': 'Archivo CSV', 'intents_csv.import': 'Importar',
    'intents_csv.replace': 'Reemplazar: quitar los ejemplos de las intenciones del archivo que el archivo no contiene',
    'intents_csv.dry_run': 'Solo vista previa (no cambia nada)',
    'intents_csv.no_file': 'Elige un archivo CSV.', 'intents_csv.too_big': 'El archivo supera los 5 MB.',
    'intents_csv.report_applied': 'Se importaron {rows} filas; el clasificador se reentrenó.', 'intents_csv.report_preview': 'Vista previa de {rows} filas: no se cambió nada.',
    'intents_csv.report_failed': '{n} línea(s) no válidas: no se importó nada. Corrígelas y vuelve a subir el archivo.',
    'intents_csv.added': 'Ejemplos añadidos', 'intents_csv.duplicates': 'Repetidos omitidos', 'intents_csv.removed': 'Ejemplos quitados',
    'intents_csv.created': 'Intenciones creadas', 'intents_csv.renamed': 'Intenciones renombradas', 'intents_csv.line': 'Línea', 'intents_csv.reason': 'Problema',
    'intents_csv.more_errors': '… y {n} líneas no válidas más.',
  },
  'pt-BR': {
    'intents_csv.title': 'Importar e exportar (CSV)',
    'intents_csv.hint': 'Colunas intent, example e, se quiser, name_en, name_es, name_pt. A importação adiciona os exemplos novos, ignora os repetidos e cria as intenções que faltam; não apaga nada a menos que você marque "Substituir".',
    'intents_csv.export': 'Baixar intenções (CSV)', 'intents_csv.file': 'Arquivo CSV', 'intents_csv.import': 'Importar',
    'intents_csv.replace': 'Substituir: remover os exemplos das intenções do arquivo que o arquivo não contém',
    'intents_csv.dry_run': 'Só pré-visualizar (não muda nada)',
    'intents_csv.no_file': 'Escolha um arquivo CSV.', 'intents_csv.too_big': 'O arquivo é maior que 5 MB.',
    'intents_csv.report_applied': '{rows} linhas importadas; o classificador foi retreinado.', 'intents_csv.report_preview': 'Pré-visualização de {rows} linhas: nada foi alterado.',
    'intents_csv.report_failed': '{n} linha(s) inválida(s): nada foi importado. Corrija e envie o arquivo de novo.',
    'intents_csv.added': 'Exemplos adicionados', 'intents_csv.duplicates': 'Repetidos ignorados', 'intents_csv.removed': 'Exemplos removidos',
    'intents_csv.created': 'Intenções criadas', 'intents_csv.renamed': 'Intenções renomeadas', 'intents_csv.line': 'Linha', 'intents_csv.reason': 'Problema',
    'intents_csv.more_errors': '… e mais {n} linhas inválidas.',
  },
};
