/**
 * Usage metering per deployment: requests, errors, rejections and latency, counted in memory per
 * clock-aligned interval and stored as one {@code deployment_usage} row per deployment and
 * interval.
 */
package de.kihub.services.usage;
