package de.kihub.services.usage;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Stores finished usage intervals every minute. */
@Singleton
public class UsageFlush {

    @Inject UsageMeter meter;

    // the store commits its own transaction, so that a failure reaches the meter, which keeps the
    // intervals for the next minute; an enclosing timer transaction would only hide that
    @Schedule(hour = "*", minute = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void everyMinute() {
        meter.flush();
    }
}
