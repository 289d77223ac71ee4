package org.drivesync.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint whose body {@link NulCharacterFilter} lets through: a sync push, where a NUL
 * inside one mutation must reject that mutation only, never the whole batch. The endpoint checks
 * every value itself ({@link org.drivesync.records.StorableText}) before anything is stored.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ChecksCharactersItself {}
