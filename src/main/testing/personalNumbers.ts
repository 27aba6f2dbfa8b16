/** A resident ID and a mobile number as typed, and as every trail, list and export must show them. */
export const ID_NUMBER = '32060219900101123X';
export const ID_MASKED = '3206**********123X';
export const MOBILE = '13812345678';
export const MOBILE_MASKED = '138****5678';
