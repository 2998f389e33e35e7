# Bucket names chosen at apply, linked across module boundaries: the companions in the root name a bucket of a child
# module through its output, and a child module's companion names a root bucket through its variable.
module "store" {
  source = "./modules/store"
}

resource "aws_s3_bucket_ownership_controls" "store" {
  bucket = module.store.bucket_id
  rule {
    object_ownership = "ObjectWriter"
  }
}

resource "aws_s3_bucket_public_access_block" "store" {
  bucket                  = module.store.bucket_id
  block_public_acls       = false
  ignore_public_acls      = false
  block_public_policy     = false
  restrict_public_buckets = false
}

resource "aws_s3_bucket_acl" "store" {
  bucket = module.store.bucket_id
  acl    = "public-read"
}

resource "aws_s3_bucket" "shared" {
  bucket_prefix = "acme-shared-"
}

module "guard" {
  source    = "./modules/guard"
  bucket_id = aws_s3_bucket.shared.id
}
