# Installation and the Debian package (README "Install").
#
#   cmake --install BUILD [--prefix DIR]   the two programs, the desktop entry and the icon
#   (cd BUILD && cpack -G DEB)            optviz_<version>_amd64.deb
#
# Only the programs are installed: the lessons are compiled in, the tests and the
# benchmark stay in the build.
include(GNUInstallDirs)

install(TARGETS optviz optviz-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/resources/optviz.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
# The icon as drawn (resources/icons/optviz.svg) and as a 256 × 256 PNG for menus that
# take no SVG (rendered from the SVG by Qt's QSvgRenderer and committed).
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/optviz.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/optviz-256.png
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/256x256/apps
        RENAME optviz.png)

set(CPACK_PACKAGE_NAME optviz)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "optviz shows how optimizers move: gradient descent, momentum, Nesterov, Adagrad, RMSprop,\n"
    "Adadelta, the Adam family, Rprop, QHM, Newton, BFGS and L-BFGS, with torch.optim's exact\n"
    "update rules, on 2-D loss surfaces with exact gradients and Hessians, and training small\n"
    "neural networks. For teaching: lessons, presentation mode, figures and animated GIFs\n"
    "for slides. optviz-cli is the same without a window, for scripts.")
string(REPLACE ";" "" CPACK_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(OPTVIZ_PACKAGE_MAINTAINER "optviz maintainers" CACHE STRING
    "The Maintainer field of the Debian package (name <e-mail>)")
set(CPACK_PACKAGE_CONTACT "${OPTVIZ_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${OPTVIZ_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # optviz_<version>_<arch>.deb
set(CPACK_STRIP_FILES ON)
# The shared libraries' packages (Qt, QCustomPlot, giflib, ...) as dpkg-shlibdeps finds
# them (dpkg-dev); then what is loaded at run time rather than linked: the X11/Wayland
# platform plugins and the figures' font.
find_program(OPTVIZ_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(OPTVIZ_DPKG_SHLIBDEPS)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, fonts-dejavu-core")
else()
    set(CPACK_DEBIAN_PACKAGE_DEPENDS
        "libqt6widgets6, libqt6gui6, libqt6core6, libqt6svg6, libqt6printsupport6, libqcustomplot2.1-qt6, libgif7, libstdc++6, libc6, qt6-qpa-plugins, fonts-dejavu-core")
endif()
# The Chinese window's font and Qt's own strings in Chinese (README, Dependencies).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-wqy-microhei, qt6-translations-l10n")
set(CPACK_GENERATOR DEB)
include(CPack)
