# Companions iterate over the buckets themselves (for_each = aws_s3_bucket.tenant, bucket = each.value.id), and the
# bucket names are chosen at apply: each companion attaches to the bucket of its own key through the for_each.
variable "tenants" {
  default = { alpha = "private", beta = "authenticated-read" }
}

resource "aws_s3_bucket" "tenant" {
  for_each      = var.tenants
  bucket_prefix = "acme-${each.key}-"
}

resource "aws_s3_bucket_ownership_controls" "tenant" {
  for_each = aws_s3_bucket.tenant
  bucket   = each.value.id
  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

resource "aws_s3_bucket_public_access_block" "tenant" {
  for_each                = aws_s3_bucket.tenant
  bucket                  = each.value.id
  block_public_acls       = false
  ignore_public_acls      = false
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_acl" "tenant" {
  for_each = aws_s3_bucket.tenant
  bucket   = each.value.id
  acl      = var.tenants[each.key]
}
