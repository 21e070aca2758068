// `npm install` runs this (the `prepare` script): it builds the empty, migrated PGlite cluster that new data
// folders start from, so the first `npm start` skips initdb. It never fails the install (hence the import inside
// the try): without an image, the first start initialises the data folder from scratch, and `npm run prepare`
// builds the image again.
try {
  const { prepareClusterImage } = await import('../runtime')
  const image = await prepareClusterImage()
  console.log(`PGlite cluster image ${image.built ? 'built' : 'already present'}: ${image.dir}`)
} catch (err) {
  console.log(`No PGlite cluster image (${(err as Error).message}); the first start will initialise the data folder from scratch.`)
}

export {}
