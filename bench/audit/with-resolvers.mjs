// The audit is written for Node 24; this repository runs on Node 20, which lacks Promise.withResolvers (Node 22).
Promise.withResolvers ??= function withResolvers() {
  let resolve;
  let reject;
  const promise = new this((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};
