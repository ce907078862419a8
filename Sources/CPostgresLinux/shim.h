// Linux C library APIs the Postgres module needs that Swift's Glibc module does not export: epoll and
// eventfd for the I/O thread, and posix_spawn's closefrom/chdir file actions (glibc 2.29/2.34) so
// helper programs (pg_ctl, and the server it starts) inherit no descriptor of ours.
// Header-only: the functions live in libc.
#ifndef CPOSTGRESLINUX_SHIM_H
#define CPOSTGRESLINUX_SHIM_H

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <spawn.h>
#include <sys/wait.h>

extern int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);
extern int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *actions, const char *path);

static inline int cpg_spawn_add_closefrom(posix_spawn_file_actions_t *actions, int from) {
    return posix_spawn_file_actions_addclosefrom_np(actions, from);
}

static inline int cpg_spawn_add_chdir(posix_spawn_file_actions_t *actions, const char *path) {
    return posix_spawn_file_actions_addchdir_np(actions, path);
}

#endif
