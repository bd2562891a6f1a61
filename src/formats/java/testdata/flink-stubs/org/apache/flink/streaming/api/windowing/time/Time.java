// Stub of flink-streaming-java org.apache.flink.streaming.api.windowing.time.Time (compile-only).
package org.apache.flink.streaming.api.windowing.time;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

public final class Time implements java.io.Serializable {

    private final long size;
    private final TimeUnit unit;

    private Time(long size, TimeUnit unit) {
        this.size = size;
        this.unit = unit;
    }

    public static Time of(long size, TimeUnit unit) {
        return new Time(size, unit);
    }

    public static Time milliseconds(long milliseconds) {
        return of(milliseconds, TimeUnit.MILLISECONDS);
    }

    public static Time seconds(long seconds) {
        return of(seconds, TimeUnit.SECONDS);
    }

    public static Time minutes(long minutes) {
        return of(minutes, TimeUnit.MINUTES);
    }

    public static Time hours(long hours) {
        return of(hours, TimeUnit.HOURS);
    }

    public static Time days(long days) {
        return of(days, TimeUnit.DAYS);
    }

    /** Flink 1.19. */
    public static Duration toDuration(Time time) {
        return time == null ? null : Duration.of(time.size, time.unit.toChronoUnit());
    }
}
