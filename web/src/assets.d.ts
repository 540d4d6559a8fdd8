/** Stylesheets are bundled by esbuild (web/build.ts) into a sibling .css file. */
declare module '*.css' {}
