/**
 * Checks canonical records (JSON as a mapping design produces it) against the canonical EMF model before
 * anything is written to a system: required fields (lower bound above zero), types read from the model's
 * EAttributes (decimals, whole numbers, booleans, dates, enum literals), fields the model does not have,
 * and cross-field rules such as {@link io.crossbill.mapping.validation.DailyHoursLimit}.
 */
package io.crossbill.mapping.validation;
