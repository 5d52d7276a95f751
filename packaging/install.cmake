# packaging/install.cmake - install rules beyond the binary (see packaging/README.md).
