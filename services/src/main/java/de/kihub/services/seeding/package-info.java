/**
 * What a new hub brings along: the flagship people counter, converted from its TensorFlow.js
 * weights and published into the catalog as {@code kihub/people-counter} at the first start.
 */
package de.kihub.services.seeding;
