// Stub of flink-cep org.apache.flink.cep.pattern.Pattern as of Flink 1.19 (compile-only): every public
// builder method with Flink's exact signature and generics; bodies only keep the type flow.
package org.apache.flink.cep.pattern;

import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;
import org.apache.flink.streaming.api.windowing.time.Time;

import java.time.Duration;

public class Pattern<T, F extends T> {

    protected Pattern(
            final String name,
            final Pattern<T, ? extends T> previous,
            final AfterMatchSkipStrategy afterMatchSkipStrategy) {}

    public static <X> Pattern<X, X> begin(final String name) {
        return new Pattern<>(name, null, AfterMatchSkipStrategy.noSkip());
    }

    public static <X> Pattern<X, X> begin(
            final String name, final AfterMatchSkipStrategy afterMatchSkipStrategy) {
        return new Pattern<X, X>(name, null, afterMatchSkipStrategy);
    }

    public Pattern<T, F> where(IterativeCondition<F> condition) {
        return this;
    }

    public Pattern<T, F> or(IterativeCondition<F> condition) {
        return this;
    }

    @SuppressWarnings("unchecked")
    public <S extends F> Pattern<T, S> subtype(final Class<S> subtypeClass) {
        return (Pattern<T, S>) this;
    }

    public Pattern<T, F> until(IterativeCondition<F> untilCondition) {
        return this;
    }

    @Deprecated
    public Pattern<T, F> within(Time windowTime) {
        return this;
    }

    public Pattern<T, F> within(Duration windowTime) {
        return this;
    }

    @Deprecated
    public Pattern<T, F> within(Time windowTime, WithinType withinType) {
        return this;
    }

    public Pattern<T, F> within(Duration windowTime, WithinType withinType) {
        return this;
    }

    public Pattern<T, T> next(final String name) {
        return new Pattern<>(name, this, null);
    }

    public Pattern<T, T> notNext(final String name) {
        return new Pattern<>(name, this, null);
    }

    public Pattern<T, T> followedBy(final String name) {
        return new Pattern<>(name, this, null);
    }

    public Pattern<T, T> notFollowedBy(final String name) {
        return new Pattern<>(name, this, null);
    }

    public Pattern<T, T> followedByAny(final String name) {
        return new Pattern<>(name, this, null);
    }

    public Pattern<T, F> optional() {
        return this;
    }

    public Pattern<T, F> oneOrMore() {
        return this;
    }

    @Deprecated
    public Pattern<T, F> oneOrMore(Time windowTime) {
        return this;
    }

    public Pattern<T, F> oneOrMore(Duration windowTime) {
        return this;
    }

    public Pattern<T, F> greedy() {
        return this;
    }

    public Pattern<T, F> times(int times) {
        return this;
    }

    @Deprecated
    public Pattern<T, F> times(int times, Time windowTime) {
        return this;
    }

    public Pattern<T, F> times(int times, Duration windowTime) {
        return this;
    }

    public Pattern<T, F> times(int from, int to) {
        return this;
    }

    @Deprecated
    public Pattern<T, F> times(int from, int to, Time windowTime) {
        return this;
    }

    public Pattern<T, F> times(int from, int to, Duration windowTime) {
        return this;
    }

    public Pattern<T, F> timesOrMore(int times) {
        return this;
    }

    @Deprecated
    public Pattern<T, F> timesOrMore(int times, Time windowTime) {
        return this;
    }

    public Pattern<T, F> timesOrMore(int times, Duration windowTime) {
        return this;
    }

    public Pattern<T, F> allowCombinations() {
        return this;
    }

    public Pattern<T, F> consecutive() {
        return this;
    }

    public static <T, F extends T> GroupPattern<T, F> begin(
            final Pattern<T, F> group, final AfterMatchSkipStrategy afterMatchSkipStrategy) {
        return new GroupPattern<>(null, group, afterMatchSkipStrategy);
    }

    public static <T, F extends T> GroupPattern<T, F> begin(Pattern<T, F> group) {
        return new GroupPattern<>(null, group, AfterMatchSkipStrategy.noSkip());
    }

    public GroupPattern<T, F> followedBy(Pattern<T, F> group) {
        return new GroupPattern<>(this, group, null);
    }

    public GroupPattern<T, F> followedByAny(Pattern<T, F> group) {
        return new GroupPattern<>(this, group, null);
    }

    public GroupPattern<T, F> next(Pattern<T, F> group) {
        return new GroupPattern<>(this, group, null);
    }
}
