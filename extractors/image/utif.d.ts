/** UTIF ships no types; the image reader states the few calls it makes (decode.ts, UtifModule). */
declare module 'utif';
