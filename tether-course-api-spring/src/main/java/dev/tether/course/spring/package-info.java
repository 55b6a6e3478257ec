/**
 * The course's API of {@code tether-course-api} on Spring Boot 4: Spring MVC controllers,
 * {@code @Transactional} services on the starter's injectable {@link dev.tether.Session}, and JSON
 * through Boot's Jackson 3 {@code JsonMapper} with {@link dev.tether.jackson.TetherModule}.
 */
package dev.tether.course.spring;
