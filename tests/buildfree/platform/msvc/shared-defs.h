/* Only here (not a generated header): build-free analysis still finds it. */
#define Q_CAP 16
