# One INTERFACE target carries the compile options every lab target shares
# (as qBittorrent's CommonConfig.cmake does).
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
    set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

add_library(lab_options INTERFACE)
target_compile_features(lab_options INTERFACE cxx_std_20)
target_compile_definitions(lab_options INTERFACE
    QT_NO_KEYWORDS              # LibTorch has a member named `slots`
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(lab_options INTERFACE -Wall -Wextra -Wpedantic -Wno-unused-parameter)
endif()

# lab_add_module(NAME SOURCES... LIBS ...): a static library of core/ or ui/ with the shared options.
function(lab_add_module name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
    target_link_libraries(${name} PUBLIC lab_options ${ARG_LIBS})
endfunction()
set(CMAKE_INSTALL_RPATH_USE_LINK_PATH ON) # an official LibTorch outside the system folders still loads once installed
