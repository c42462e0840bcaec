/**
 * Decoding untrusted camera images safely: format and dimensions are checked from the header before
 * any pixel is decoded, so a hostile image cannot exhaust memory. Images are never written
 * anywhere.
 */
package de.kihub.services.imaging;
