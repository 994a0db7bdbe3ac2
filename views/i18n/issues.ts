/**
 * zod's own validation wording (limits and types), rendered from the issue's code and numbers
 * rather than from zod's English text; `.one` / `.other` keys follow each language's plural rules
 * (Intl.PluralRules: in pt-BR 0 takes the singular too). One row per key: en, es, pt-BR.
 */
import type { FeatureMessages } from './types';

const ROWS: Array<[key: string, en: string, es: string, ptBR: string]> = [
  ['issue.too_big.string.one', 'Write at most {n} character', 'Escribe como máximo {n} carácter', 'Escreva no máximo {n} caractere'],
  ['issue.too_big.string.other', 'Write at most {n} characters', 'Escribe como máximo {n} caracteres', 'Escreva no máximo {n} caracteres'],
  ['issue.too_small.string.one', 'Write at least {n} character', 'Escribe al menos {n} carácter', 'Escreva pelo menos {n} caractere'],
  ['issue.too_small.string.other', 'Write at least {n} characters', 'Escribe al menos {n} caracteres', 'Escreva pelo menos {n} caracteres'],
  ['issue.too_big.array.one', 'Choose at most {n} item', 'Elige como máximo {n} elemento', 'Escolha no máximo {n} item'],
  ['issue.too_big.array.other', 'Choose at most {n} items', 'Elige como máximo {n} elementos', 'Escolha no máximo {n} itens'],
  ['issue.too_small.array.one', 'Choose at least {n} item', 'Elige al menos {n} elemento', 'Escolha pelo menos {n} item'],
  ['issue.too_small.array.other', 'Choose at least {n} items', 'Elige al menos {n} elementos', 'Escolha pelo menos {n} itens'],
  ['issue.too_big.number', 'Use a number no greater than {n}', 'Usa un número menor o igual que {n}', 'Use um número menor ou igual a {n}'],
  ['issue.too_small.number', 'Use a number no less than {n}', 'Usa un número mayor o igual que {n}', 'Use um número maior ou igual a {n}'],
  ['issue.required', 'Fill in this field', 'Completa este campo', 'Preencha este campo'],
  ['issue.number', 'Enter a number', 'Escribe un número', 'Digite um número'],
  ['issue.integer', 'Use a whole number', 'Usa un número entero', 'Use um número inteiro'],
  ['issue.email', 'Invalid email address', 'Correo electrónico no válido', 'E-mail inválido'],
  ['issue.url', 'Enter a full address starting with https://', 'Escribe una dirección completa que empiece por https://', 'Digite um endereço completo começando com https://'],
  ['issue.invalid', 'This value is not valid', 'Este valor no es válido', 'Este valor não é válido'],
];

const column = (i: 1 | 2 | 3) => Object.fromEntries(ROWS.map((row) => [row[0], row[i]]));

export const issues: FeatureMessages = { en: column(1), es: column(2), 'pt-BR': column(3) };
