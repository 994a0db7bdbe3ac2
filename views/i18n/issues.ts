/**
 * zod's own validation wording (limits and types), rendered from the issue's code and numbers
 * rather than from zod's English text; `.one` / `.other` keys follow each language's plural rules
 * (Intl.PluralRules: in pt-BR 0 takes the singular too).
 */
import type { FeatureMessages } from './types';

export const issues: FeatureMessages = {
  en: {
    'issue.too_big.string.one': 'Write at most {n} character', 'issue.too_big.string.other': 'Write at most {n} characters',
    'issue.too_small.string.one': 'Write at least {n} character', 'issue.too_small.string.other': 'Write at least {n} characters',
    'issue.too_big.array.one': 'Choose at most {n} item', 'issue.too_big.array.other': 'Choose at most {n} items',
    'issue.too_small.array.one': 'Choose at least {n} item', 'issue.too_small.array.other': 'Choose at least {n} items',
    'issue.too_big.number': 'Use a number no greater than {n}', 'issue.too_small.number': 'Use a number no less than {n}',
    'issue.required': 'Fill in this field', 'issue.number': 'Enter a number', 'issue.email': 'Invalid email address',
    'issue.url': 'Enter a full address starting with https://', 'issue.integer': 'Use a whole number', 'issue.invalid': 'This value is not valid',
  },
  es: {
    'issue.too_big.string.one': 'Escribe como máximo {n} carácter', 'issue.too_big.string.other': 'Escribe como máximo {n} caracteres',
    'issue.too_small.string.one': 'Escribe al menos {n} carácter', 'issue.too_small.string.other': 'Escribe al menos {n} caracteres',
    'issue.too_big.array.one': 'Elige como máximo {n} elemento', 'issue.too_big.array.other': 'Elige como máximo {n} elementos',
    'issue.too_small.array.one': 'Elige al menos {n} elemento', 'issue.too_small.array.other': 'Elige al menos {n} elementos',
    'issue.too_big.number': 'Usa un número menor o igual que {n}', 'issue.too_small.number': 'Usa un número mayor o igual que {n}',
    'issue.required': 'Completa este campo', 'issue.number': 'Escribe un número', 'issue.email': 'Correo electrónico no válido',
    'issue.url': 'Escribe una dirección completa que empiece por https://', 'issue.integer': 'Usa un número entero', 'issue.invalid': 'Este valor no es válido',
  },
  'pt-BR': {
    'issue.too_big.string.one': 'Escreva no máximo {n} caractere', 'issue.too_big.string.other': 'Escreva no máximo {n} caracteres',
    'issue.too_small.string.one': 'Escreva pelo menos {n} caractere', 'issue.too_small.string.other': 'Escreva pelo menos {n} caracteres',
    'issue.too_big.array.one': 'Escolha no máximo {n} item', 'issue.too_big.array.other': 'Escolha no máximo {n} itens',
    'issue.too_small.array.one': 'Escolha pelo menos {n} item', 'issue.too_small.array.other': 'Escolha pelo menos {n} itens',
    'issue.too_big.number': 'Use um número menor ou igual a {n}', 'issue.too_small.number': 'Use um número maior ou igual a {n}',
    'issue.required': 'Preencha este campo', 'issue.number': 'Digite um número', 'issue.email': 'E-mail inválido',
    'issue.url': 'Digite um endereço completo começando com https://', 'issue.integer': 'Use um número inteiro', 'issue.invalid': 'Este valor não é válido',
  },
};
