/* Test helper: a pseudo-terminal whose master side is this process's stdin/stdout. */
#define _DEFAULT_SOURCE
#define _XOPEN_SOURCE 600
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

static int write_all(int fd, const unsigned char *p, ssize_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, (size_t)n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= w;
	}
	return 0;
}

int main(void)
{
	int master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0)
		return perror("ptyrelay: posix_openpt"), 1;
	const char *name = ptsname(master);
	/* kept open so the master never sees a hang-up between the port's opens */
	int slave = open(name, O_RDWR | O_NOCTTY);
	if (slave < 0)
		return perror("ptyrelay: open slave"), 1;
	struct termios t;
	tcgetattr(slave, &t);
	cfmakeraw(&t);
	tcsetattr(slave, TCSANOW, &t);
	printf("%s\n", name);
	fflush(stdout);

	unsigned char buf[4096];
	struct pollfd fds[2] = { { .fd = 0, .events = POLLIN }, { .fd = master, .events = POLLIN } };
	for (;;) {
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			return 1;
		}
		if (fds[0].revents) {
			ssize_t n = read(0, buf, sizeof(buf));
			if (n <= 0)
				return 0;
			if (write_all(master, buf, n) != 0)
				return 1;
		}
		if (fds[1].revents) {
			ssize_t n = read(master, buf, sizeof(buf));
			if (n < 0 && errno == EIO)
				continue;
			if (n <= 0)
				return 1;
			if (write_all(1, buf, n) != 0)
				return 1;
		}
	}
}
