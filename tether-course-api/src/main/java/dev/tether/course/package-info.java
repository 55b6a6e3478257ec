/**
 * The course's backend: the REST API of "Intro to Backend Development" (courses, users,
 * assignments) on Tether and Javalin 7. {@link dev.tether.course.CourseApi} is the server, {@link
 * dev.tether.course.Main} the command behind {@code ./course-api}; {@link
 * dev.tether.course.Course}, {@link dev.tether.course.User} and {@link
 * dev.tether.course.Assignment} are the models, wired the way the course wires them (two
 * many-to-many pairs and a one-to-many, with {@code backPopulates}).
 *
 * <p>Imports {@code dev.tether} and {@code dev.tether.query} (the public API), Javalin and Jackson.
 */
package dev.tether.course;
