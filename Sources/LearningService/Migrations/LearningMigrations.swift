import Postgres

/// Learning's tables (DOMAIN.md), compiled in; applied at start by `ServiceHost`.
enum LearningMigrations {
    static let all: [Migration] = [
        Migration(version: 1, name: "user_refs, tutors, students, courses, lessons, availability, matching", sql: """
            -- Filled ONLY by the identity consumer (identity.user.* events and resyncs): never by this API.
            CREATE TABLE user_refs (
                user_id uuid PRIMARY KEY,
                email text,
                name text,
                role text,
                status text,
                version bigint NOT NULL,
                deleted boolean NOT NULL DEFAULT false
            );
            CREATE TABLE tutors (
                id uuid PRIMARY KEY,
                user_id uuid NOT NULL UNIQUE,
                hourly_rate numeric(10, 2) NOT NULL CHECK (hourly_rate >= 0),
                subjects text[] NOT NULL DEFAULT '{}',
                languages text[] NOT NULL DEFAULT '{}',
                is_verified boolean NOT NULL DEFAULT false,
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now(),
                version bigint NOT NULL DEFAULT 1
            );
            CREATE INDEX tutors_subjects ON tutors USING gin (subjects);
            CREATE TABLE students (
                id uuid PRIMARY KEY,
                user_id uuid NOT NULL UNIQUE,
                learning_goals text CHECK (length(learning_goals) <= 2000),
                preferred_languages text[] NOT NULL DEFAULT '{}',
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE courses (
                id uuid PRIMARY KEY,
                tutor_id uuid NOT NULL REFERENCES tutors (id),
                title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
                description text CHECK (length(description) <= 4000),
                price numeric(10, 2) NOT NULL CHECK (price >= 0),
                duration_minutes int NOT NULL CHECK (duration_minutes BETWEEN 15 AND 480),
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX courses_tutor ON courses (tutor_id);
            CREATE TABLE lessons (
                id uuid PRIMARY KEY,
                course_id uuid NOT NULL REFERENCES courses (id),
                tutor_id uuid NOT NULL REFERENCES tutors (id),
                student_id uuid NOT NULL REFERENCES students (id),
                scheduled_at timestamptz NOT NULL,
                status text NOT NULL DEFAULT 'BOOKED' CHECK (status IN ('BOOKED', 'COMPLETED', 'CANCELLED')),
                meeting_url text,
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now(),
                version bigint NOT NULL DEFAULT 1
            );
            CREATE INDEX lessons_student ON lessons (student_id, scheduled_at);
            CREATE INDEX lessons_course ON lessons (course_id);
            -- A tutor cannot be booked twice for the same start.
            CREATE UNIQUE INDEX lessons_tutor_slot ON lessons (tutor_id, scheduled_at) WHERE status = 'BOOKED';
            CREATE TABLE tutor_availability (
                id uuid PRIMARY KEY,
                tutor_id uuid NOT NULL REFERENCES tutors (id) ON DELETE CASCADE,
                day_of_week smallint NOT NULL CHECK (day_of_week BETWEEN 0 AND 6),
                start_time time NOT NULL,
                end_time time NOT NULL,
                CHECK (start_time < end_time)
            );
            CREATE INDEX tutor_availability_tutor ON tutor_availability (tutor_id, day_of_week);
            CREATE TABLE matching_requests (
                id uuid PRIMARY KEY,
                student_id uuid NOT NULL REFERENCES students (id),
                subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 100),
                budget numeric(10, 2) CHECK (budget >= 0),
                requirements text CHECK (length(requirements) <= 2000),
                created_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX matching_requests_student ON matching_requests (student_id);
            """),
    ]
}
